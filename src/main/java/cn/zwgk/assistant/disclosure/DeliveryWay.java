package cn.zwgk.assistant.disclosure;

/** How the applicant receives the information: 邮寄, 自行领取, 电子邮件, 网上获取. */
public enum DeliveryWay { MAIL, PICKUP, EMAIL, ONLINE }
