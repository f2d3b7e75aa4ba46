package cn.zwgk.assistant.wechat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yaml.snakeyaml.Yaml;

import com.google.gson.Gson;

import cn.zwgk.assistant.platform.PlatformProperties;
import me.chanjar.weixin.common.error.WxErrorException;

/**
 * Staff API for the channel: the configured accounts (no secrets) and pushing the custom menu of
 * {@code channel-config/menu.yml} (政策问答 / 依申请公开 / 进度查询) to an account.
 */
@RestController
@RequestMapping("/api/wechat")
class MenuController {

    private final AccountRegistry accounts;
    private final WechatClients clients;
    private final Path menuFile;

    MenuController(AccountRegistry accounts, WechatClients clients, PlatformProperties platform) {
        this.accounts = accounts;
        this.clients = clients;
        this.menuFile = Path.of(platform.channelConfigDir(), "menu.yml");
    }

    @GetMapping("/accounts")
    List<Map<String, Object>> accounts() {
        return accounts.all().stream()
                .map(a -> Map.<String, Object>of("appId", a.appId(), "originalId", a.originalId(),
                        "name", a.name() == null ? "" : a.name(), "customerService", a.customerService(),
                        "safeMode", a.hasAesKey()))
                .toList();
    }

    @PostMapping("/{appId}/menu")
    ResponseEntity<Map<String, Object>> pushMenu(@PathVariable String appId) throws IOException {
        if (accounts.find(appId).isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "unknown account " + appId));
        }
        String json;
        try (InputStream in = Files.newInputStream(menuFile)) {
            json = new Gson().toJson(new Yaml().<Map<String, Object>>load(in));
        }
        try {
            clients.service(appId).getMenuService().menuCreate(json);
            return ResponseEntity.ok(Map.of("appId", appId, "menu", json));
        } catch (WxErrorException e) {
            return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
                    .body(Map.of("error", "WeChat refused the menu", "errcode", e.getError().getErrorCode(),
                            "errmsg", String.valueOf(e.getError().getErrorMsg())));
        }
    }
}
