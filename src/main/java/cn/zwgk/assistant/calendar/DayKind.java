package cn.zwgk.assistant.calendar;

/** An exception to the Monday–Friday rule: an official day off, or a make-up working day (调休). */
public enum DayKind { HOLIDAY, WORKDAY }
