package cn.zwgk.assistant.simulator;

/**
 * What happened when {@link WechatServerEmulator} pushed a message to the webhook.
 *
 * @param attempts    how many times it was pushed (1, or more after timeouts: WeChat's retries)
 * @param httpStatus  the status of the answered attempt, 0 when none was answered in time
 * @param reply       the passive reply's text ({@code [image]} etc. for other types), null for
 *                    {@code success}, an empty body, or no answer
 * @param replyXml    the reply XML, decrypted in safe mode
 * @param rawResponse the response body as received
 * @param requestXml  the message XML before signing and encryption
 * @param elapsedMs   time from the first push to the answer (or the last timeout)
 * @param error       what went wrong from WeChat's point of view, or null
 */
record EmulatorResult(int attempts, int httpStatus, String reply, String replyXml, String rawResponse,
                             String requestXml, long elapsedMs, String error) {
}
