package cn.zwgk.assistant.disclosure;

/** How the application arrived: online (the Official Account) or registered by staff. */
public enum IntakeChannel { ONLINE, LETTER, VISIT, FAX }
