package cn.zwgk.assistant.disclosure.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.zwgk.assistant.disclosure.ApplicantType;
import cn.zwgk.assistant.disclosure.CaseView;
import cn.zwgk.assistant.disclosure.DeliveryWay;
import cn.zwgk.assistant.disclosure.DisclosureRequest;
import cn.zwgk.assistant.disclosure.DisclosureService;
import cn.zwgk.assistant.disclosure.InfoForm;
import cn.zwgk.assistant.disclosure.IntakeChannel;
import cn.zwgk.assistant.platform.Texts;
import cn.zwgk.assistant.platform.OfficeTime;

/** Registering an application received by letter, at the counter or by fax, with its own date of receipt. */
@Controller
class CaseRegistrationController {


    /** The registration form as posted. */
    record RegistrationForm(String applicantType, String applicantName, String legalRepresentative,
                            String contactPerson, String idNumber, String creditCode, String phone, String address,
                            String email, String description, String purpose, String form, String delivery,
                            String channel, String receivedOn) {

        static RegistrationForm blank(LocalDate today) {
            return new RegistrationForm("CITIZEN", null, null, null, null, null, null, null, null, null, null, "PAPER",
                    "MAIL", "LETTER", today.toString());
        }
    }

    private final DisclosureService disclosures;
    private final Texts texts;
    private final Clock clock;

    CaseRegistrationController(DisclosureService disclosures, Texts texts, Clock clock) {
        this.disclosures = disclosures;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping("/console/cases/new")
    String form(Model model) {
        model.addAttribute("form", RegistrationForm.blank(OfficeTime.today(clock)));
        model.addAttribute("problems", Map.of());
        return "disclosure/case-new";
    }

    @PostMapping("/console/cases/new")
    String register(RegistrationForm form, Authentication user, Model model, HttpServletResponse response,
                    RedirectAttributes flash) {
        LocalDate today = OfficeTime.today(clock);
        Map<String, String> problems = new LinkedHashMap<>();
        DisclosureRequest application = new DisclosureRequest(
                parse(ApplicantType.class, form.applicantType()), form.applicantName(), form.legalRepresentative(),
                form.contactPerson(), form.idNumber(), form.creditCode(), form.phone(), form.address(), form.email(),
                form.description(), form.purpose(), parse(InfoForm.class, form.form()),
                parse(DeliveryWay.class, form.delivery())).normalised();
        disclosures.problems(application)
                .forEach((field, key) -> problems.put(field, texts.get("disclosure.invalid." + key)));
        IntakeChannel channel = parse(IntakeChannel.class, form.channel());
        if (channel == null || channel == IntakeChannel.ONLINE) {
            problems.put("channel", texts.get("console.cases.invalid.channel"));
        }
        LocalDate receivedOn = date(form.receivedOn());
        if (receivedOn == null || receivedOn.isAfter(today)) {
            problems.put("receivedOn", texts.get("console.cases.invalid.received-on"));
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", texts.get("console.cases.register-invalid"));
            model.addAttribute("form", form);
            model.addAttribute("problems", problems);
            return "disclosure/case-new";
        }
        CaseView created = disclosures.register(application, channel, receivedOn, user.getName());
        flash.addFlashAttribute("ok", texts.get("console.cases.registered", created.trackingNo(), created.dueOn()));
        return "redirect:/console/cases/" + created.trackingNo();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
