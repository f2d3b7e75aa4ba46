package benchmark;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;

/**
 * The reference for the webhook benchmark: the minimal echo bot a WxJava user would write with
 * spring-boot-starter-web (the same Tomcat and Spring MVC as the application). It checks the
 * signature with {@link WxMpService#checkSignature}, parses with {@link WxMpXmlMessage#fromXml}
 * and answers on the request thread with a passive text reply echoing the content. No Redis, no
 * database, no security or metrics.
 *
 * <p>It lives in the test sources, outside {@code cn.zwgk.assistant}, so neither the application's
 * component scan nor Spring Modulith sees it. Because the test classpath also holds actuator,
 * security, JDBC, Flyway, Quartz … , {@link #main} switches off every auto-configuration that
 * spring-boot-starter-web would not bring, and reads its own (absent) configuration file instead of
 * the application's {@code application.yml}.
 */
@SpringBootApplication
public class BareEchoApplication {

    /** Packages of the auto-configurations shipped by the jars spring-boot-starter-web depends on. */
    private static final List<String> STARTER_WEB = List.of(
            "org.springframework.boot.autoconfigure.",
            "org.springframework.boot.jackson.autoconfigure.",
            "org.springframework.boot.tomcat.autoconfigure.",
            "org.springframework.boot.http.converter.autoconfigure.",
            "org.springframework.boot.webmvc.autoconfigure.",
            "org.springframework.boot.servlet.autoconfigure.");

    /** Arguments: {@code --server.port=<port>}; the account is the default one of channel-config. */
    public static void main(String[] args) {
        System.setProperty("spring.config.name", "bare-echo");
        System.setProperty("spring.autoconfigure.exclude", notInStarterWeb());
        SpringApplication.run(BareEchoApplication.class, args);
    }

    /** Every auto-configuration on the classpath that a project with only starter-web would not have. */
    static String notInStarterWeb() {
        ClassLoader loader = BareEchoApplication.class.getClassLoader();
        return ImportCandidates.load(AutoConfiguration.class, loader).getCandidates().stream()
                .filter(name -> STARTER_WEB.stream().noneMatch(name::startsWith)
                        || name.contains(".actuate.") || name.contains(".metrics.") || name.contains("Observation"))
                .collect(Collectors.joining(","));
    }

    /** The controller of the WxJava demo, routing every text to an echo. */
    @RestController
    @RequestMapping("/wechat/portal/{appId}")
    static class EchoController {

        private final WxMpService wxService;

        EchoController() {
            WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
            config.setAppId(System.getProperty("bench.appId", BenchAccount.APP_ID));
            config.setToken(System.getProperty("bench.token", BenchAccount.TOKEN));
            this.wxService = new WxMpServiceImpl();
            this.wxService.setWxMpConfigStorage(config);
        }

        @GetMapping(produces = "text/plain;charset=utf-8")
        ResponseEntity<String> verify(@PathVariable String appId, @RequestParam String signature,
                                      @RequestParam String timestamp, @RequestParam String nonce,
                                      @RequestParam String echostr) {
            if (!wxService.checkSignature(timestamp, nonce, signature)) {
                return ResponseEntity.status(403).body("bad signature");
            }
            return ResponseEntity.ok(echostr);
        }

        @PostMapping(produces = "application/xml;charset=UTF-8")
        ResponseEntity<String> receive(@PathVariable String appId, @RequestBody String body,
                                       @RequestParam String signature, @RequestParam String timestamp,
                                       @RequestParam String nonce) {
            if (!wxService.checkSignature(timestamp, nonce, signature)) {
                return ResponseEntity.status(403).body("bad signature");
            }
            WxMpXmlMessage in = WxMpXmlMessage.fromXml(body);
            String out = WxMpXmlOutMessage.TEXT()
                    .content(in.getContent())
                    .fromUser(in.getToUser())
                    .toUser(in.getFromUser())
                    .build()
                    .toXml();
            return ResponseEntity.ok(out);
        }
    }
}
