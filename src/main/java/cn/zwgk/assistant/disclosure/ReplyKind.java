package cn.zwgk.assistant.disclosure;

/** The kinds of reply of Art. 36 of the 政府信息公开条例. */
public enum ReplyKind {
    /** 已主动公开: say where. */
    ALREADY_PUBLIC,
    /** 予以公开: provide it, or say how, where and when. */
    DISCLOSED,
    /** 不予公开: with the reason. */
    NOT_DISCLOSED,
    /** 信息不存在. */
    DOES_NOT_EXIST,
    /** 非本机关负责公开: name the right office if known. */
    NOT_THIS_OFFICE,
    /** 重复申请. */
    REPEAT_REQUEST,
    /** 适用特别法律规定. */
    SPECIAL_REGIME
}
