package cn.zwgk.assistant.simulator;

import java.security.SecureRandom;
import java.util.Locale;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.zwgk.assistant.wechat.Account;
import cn.zwgk.assistant.wechat.AccountRegistry;

/** The chat simulator page; the application's root leads to it while the simulator is on. */
@Controller
@ConditionalOnBooleanProperty("simulator.enabled")
class SimulatorPageController {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String OPENID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final AccountRegistry accounts;
    private final MenuButtons menu;

    SimulatorPageController(AccountRegistry accounts, MenuButtons menu) {
        this.accounts = accounts;
        this.menu = menu;
    }

    @GetMapping("/")
    String root() {
        return "redirect:/simulator";
    }

    @GetMapping("/simulator")
    String page(Model model) {
        model.addAttribute("accounts", accounts.all().stream().map(AccountOption::of).toList());
        model.addAttribute("defaultAppId", accounts.defaultAccount().appId());
        model.addAttribute("menu", menu.clickButtons());
        model.addAttribute("openid", randomOpenid());
        return "simulator/index";
    }

    /** An openid that looks like WeChat's (28 characters) and is recognisably simulated. */
    static String randomOpenid() {
        StringBuilder sb = new StringBuilder("oSim");
        for (int i = 0; i < 24; i++) {
            sb.append(OPENID_CHARS.charAt(RANDOM.nextInt(OPENID_CHARS.length())));
        }
        return sb.toString();
    }

    /** What the page may know about an account: never its token, key or secret. */
    record AccountOption(String appId, String name, String mode, boolean customerService) {

        static AccountOption of(Account account) {
            String name = account.name() == null || account.name().isBlank() ? account.appId() : account.name();
            return new AccountOption(account.appId(), name, account.mode().name().toLowerCase(Locale.ROOT),
                    account.customerService());
        }
    }
}
