package dev.gatehouse.adapter.in.web.account;

import io.swagger.v3.oas.annotations.media.Schema;

/** An item of {@code GET /auth/sessions}: a live session, or with {@code state=ended} an ended one. */
@Schema(name = "ListedSession", oneOf = {SessionView.class, SessionsController.EndedSessionView.class})
sealed interface ListedSession permits SessionView, SessionsController.EndedSessionView {
}
