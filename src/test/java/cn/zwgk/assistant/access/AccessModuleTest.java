package cn.zwgk.assistant.access;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import cn.zwgk.assistant.support.ModuleTest;

/**
 * Console access alone (it uses only the {@code Role} type of {@code staff}, no beans): the first
 * administrator from the environment creates a user through the API, and that user signs in with the
 * password given but is refused what its role does not allow.
 */
@ModuleTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"access.admin-username=module-admin", "access.admin-password=Module-admin-pass-7"})
class AccessModuleTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aUserCreatedByTheAdministratorSignsInAndIsHeldToItsRole() throws Exception {
        mvc.perform(post("/api/users").with(httpBasic("module-admin", "Module-admin-pass-7"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"comms.module\",\"displayName\":\"宣传科\","
                                + "\"password\":\"comms-pass-0427\",\"roles\":[\"COMMS\"]}"))
                .andExpect(status().is2xxSuccessful());

        mvc.perform(get("/api/users").with(httpBasic("comms.module", "wrong-password-1")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/users").with(httpBasic("comms.module", "comms-pass-0427")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/users").with(httpBasic("module-admin", "Module-admin-pass-7")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username == 'comms.module')].roles[0]").value("COMMS"));
    }
}
