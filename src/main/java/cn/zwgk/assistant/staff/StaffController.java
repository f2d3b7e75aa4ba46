package cn.zwgk.assistant.staff;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/staff}, {@code GET /api/staff}, and binding codes for WeChat. */
@RestController
@RequestMapping("/api/staff")
class StaffController {

    private final StaffDirectory directory;

    StaffController(StaffDirectory directory) {
        this.directory = directory;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    StaffMember add(@RequestBody NewStaff request) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (request.roles() != null) {
            for (String role : request.roles()) {
                try {
                    roles.add(Role.parse(role));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown role '" + role + "': use ADMIN, HANDLER, SUPERVISOR or COMMS");
                }
            }
        }
        return directory.add(request.name(), request.department(), roles, request.openid(), request.wecomWebhook());
    }

    @GetMapping
    List<StaffMember> all() {
        return directory.all();
    }

    @PostMapping("/{id}/binding-code")
    StaffDirectory.BindingCode bindingCode(@PathVariable long id) {
        return directory.newBindingCode(id);
    }

    record NewStaff(String name, List<String> roles, String openid, String department, String wecomWebhook) {
    }
}
