package cn.zwgk.assistant.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's sign-in page; Spring Security handles the POST, the throttle and the audit. Every
 * refusal reads the same ("用户名或密码不正确"), whatever its reason.
 */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "console/login";
    }
}
