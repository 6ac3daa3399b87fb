package dev.gatehouse.adapter.in.web.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.gatehouse.adapter.in.web.account.SessionView;
import dev.gatehouse.application.port.in.admin.AdministerUsersUseCase.AdministeredUser;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** An account (its members at the top level) with its live sessions, as in {@code GET /auth/sessions}; none is {@code []}. */
@Serdeable
record AdminUserDetails(@JsonUnwrapped AdminUserView user, @JsonInclude(JsonInclude.Include.ALWAYS) List<SessionView> sessions) {

    /** No session is the administrator's own: {@code current} is false for each. */
    static AdminUserDetails of(AdministeredUser administered) {
        return new AdminUserDetails(AdminUserView.of(administered.account()),
                administered.sessions().stream().map(family -> SessionView.of(family, false)).toList());
    }
}
