package cn.zwgk.assistant.disclosure;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.zwgk.assistant.platform.AuditLog;
import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.platform.OfficeTime;

/** The staff API for disclosure cases: register letters/visits/faxes, list, detail, workflow actions. */
@RestController
@RequestMapping("/api/disclosures")
class DisclosureController {

    private final DisclosureService service;
    private final Texts texts;
    private final Clock clock;

    DisclosureController(DisclosureService service, Texts texts, Clock clock) {
        this.service = service;
        this.texts = texts;
        this.clock = clock;
    }

    /** The registration body, exactly as the staff API documents it. */
    record RegistrationRequest(String applicantType, String applicantName, String legalRepresentative,
                               String contactPerson, String idNumber, String creditCode, String phone, String address,
                               String email, String description, String purpose, String form, String delivery,
                               String channel, String receivedOn) {
    }

    @PostMapping
    ResponseEntity<CaseView> register(@RequestBody RegistrationRequest r) {
        DisclosureRequest a = new DisclosureRequest(parse(ApplicantType.class, "applicantType", r.applicantType()),
                trim(r.applicantName()), trim(r.legalRepresentative()), trim(r.contactPerson()),
                upper(r.idNumber()), upper(r.creditCode()), r.phone() == null ? null : Validators.normaliseMobile(r.phone()),
                trim(r.address()), trim(r.email()), trim(r.description()), trim(r.purpose()),
                parse(InfoForm.class, "form", r.form()), parse(DeliveryWay.class, "delivery", r.delivery()));
        IntakeChannel channel = parse(IntakeChannel.class, "channel", r.channel());
        if (channel == null || r.receivedOn() == null) {
            throw new IllegalArgumentException("channel (LETTER, VISIT or FAX) and receivedOn (YYYY-MM-DD) are required");
        }
        LocalDate receivedOn;
        try {
            receivedOn = LocalDate.parse(r.receivedOn());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("receivedOn: expected YYYY-MM-DD, got '" + r.receivedOn() + "'");
        }
        Map<String, String> errors = ApplicationChecks.check(a, OfficeTime.today(clock));
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.entrySet().stream()
                    .map(e -> e.getKey() + ": " + texts.get("disclosure.invalid." + e.getValue()))
                    .collect(Collectors.joining("; ")));
        }
        CaseView view = service.register(a, channel, receivedOn, AuditLog.currentActor("staff"));
        return ResponseEntity.status(HttpStatus.CREATED).body(view);
    }

    @GetMapping
    List<CaseView> list(@RequestParam(required = false) String status, @RequestParam(required = false) String openid) {
        CaseStatus s = status == null || status.isBlank() ? null : parse(CaseStatus.class, "status", status);
        return service.list(s, openid == null || openid.isBlank() ? null : openid);
    }

    @GetMapping("/{trackingNo}")
    CaseView detail(@PathVariable String trackingNo) {
        return service.find(trackingNo).orElseThrow(() -> new CaseNotFoundException(trackingNo));
    }

    @PostMapping("/{trackingNo}/{action}")
    CaseView act(@PathVariable String trackingNo, @PathVariable String action,
                 @RequestBody(required = false) ActionRequest request) {
        if (!CaseWorkflow.ACTIONS.contains(action)) {
            throw new IllegalArgumentException("unknown action '" + action + "'; one of " + CaseWorkflow.ACTIONS);
        }
        service.act(trackingNo, action, request, AuditLog.currentActor("staff"));
        return detail(trackingNo);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": '" + value + "' is not one of "
                    + List.of(type.getEnumConstants()));
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String upper(String s) {
        return s == null || s.isBlank() ? null : s.strip().toUpperCase(Locale.ROOT);
    }
}
