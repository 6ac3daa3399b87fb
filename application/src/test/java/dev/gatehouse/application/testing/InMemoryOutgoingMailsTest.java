package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.mail.OutgoingMails;

class InMemoryOutgoingMailsTest extends OutgoingMailsContract {

    @Override
    protected OutgoingMails mails() {
        return new InMemoryOutgoingMails();
    }
}
