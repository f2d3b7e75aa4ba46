package cn.zwgk.assistant.disclosure;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.zwgk.assistant.platform.Masking;
import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.platform.OfficeTime;

/**
 * What the reply notice says besides the reply text. WeChat messages cannot carry files, so the
 * files the reply sent are named and linked through one signed, expiring link to their download
 * page ({@code /files/<token>}, {@link DownloadController}); one link also fits the template
 * message that replaces the notice outside WeChat's window. For paper delivery (邮寄, 自行领取) it
 * says how the paper copy comes.
 */
@Component
class ReplyNotice {

    private final CaseAttachments attachments;
    private final CaseRepository cases;
    private final DownloadTokens tokens;
    private final Texts texts;
    private final String publicBaseUrl;

    ReplyNotice(CaseAttachments attachments, CaseRepository cases, DownloadTokens tokens, Texts texts,
                DisclosureProperties properties) {
        this.attachments = attachments;
        this.cases = cases;
        this.tokens = tokens;
        this.texts = texts;
        String url = properties.attachments().publicBaseUrl();
        this.publicBaseUrl = url == null || url.isBlank() ? null : url.strip().replaceFirst("/+$", "");
    }

    /** The lines after the reply text: the files and their link, then the paper copy; may be blank. */
    String delivery(String trackingNo) {
        StringBuilder out = new StringBuilder();
        List<Attachment> sent = attachments.list(trackingNo).stream().filter(a -> a.sentAt() != null).toList();
        if (!sent.isEmpty()) {
            Instant expires = tokens.expiry();
            String link = baseUrl() + "/files/" + tokens.issue(DownloadTokens.PAGE, trackingNo, expires);
            String names = sent.stream().map(Attachment::name).collect(Collectors.joining("、"));
            out.append(texts.get("disclosure.notify.attachments", String.valueOf(sent.size()), names,
                    DialogReplies.date(expires.atZone(OfficeTime.ZONE).toLocalDate()), link));
        }
        cases.find(trackingNo).ifPresent(c -> {
            DeliveryWay way = c.application.delivery();
            if (way == DeliveryWay.MAIL || way == DeliveryWay.PICKUP) {
                String address = Masking.address(c.application.address());
                out.append('\n').append(texts.get("disclosure.notify.paper." + way.name(), trackingNo,
                        address == null ? "" : address));
            }
        });
        return out.toString().strip();
    }

    /**
     * {@code disclosure.attachments.public-base-url}, else the scheme and host of the staff request
     * sending the reply (behind a proxy, {@code server.forward-headers-strategy} makes that the public one).
     */
    private String baseUrl() {
        if (publicBaseUrl != null) {
            return publicBaseUrl;
        }
        if (RequestContextHolder.getRequestAttributes() == null) {
            throw new IllegalStateException("set disclosure.attachments.public-base-url (PUBLIC_BASE_URL): a reply with "
                    + "attachments sent outside a web request has no host to link the files to");
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
