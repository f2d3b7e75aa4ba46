package cn.zwgk.assistant.disclosure;

/** The form the information is wanted in: paper (纸质) or electronic (电子). */
public enum InfoForm { PAPER, ELECTRONIC }
