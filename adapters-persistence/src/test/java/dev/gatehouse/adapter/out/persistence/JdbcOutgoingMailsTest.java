package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.mail.OutgoingMails;
import dev.gatehouse.application.testing.OutgoingMailsContract;

class JdbcOutgoingMailsTest extends OutgoingMailsContract {

    @Override
    protected OutgoingMails mails() {
        return Database.bean(OutgoingMails.class);
    }
}
