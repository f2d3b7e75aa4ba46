package cn.zwgk.assistant.disclosure;

/** Who applies: a citizen (公民) or a legal person or other organisation (法人或其他组织). */
public enum ApplicantType { CITIZEN, ORGANIZATION }
