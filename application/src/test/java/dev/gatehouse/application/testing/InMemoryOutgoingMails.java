package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.mail.OutgoingMails;
import dev.gatehouse.domain.user.EmailAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Mails in a map by id, every operation synchronized: a claim is atomic as the store's is. */
public final class InMemoryOutgoingMails implements OutgoingMails {

    private record Row(long id, NewMail mail, int attempts, Instant dueAt) {
    }

    private final Map<Long, Row> rows = new LinkedHashMap<>();
    private long lastId;

    @Override
    public synchronized boolean offer(NewMail mail, int capacity) {
        if (rows.size() >= capacity) {
            return false;
        }
        long id = ++lastId;
        rows.put(id, new Row(id, mail, 0, mail.createdAt()));
        return true;
    }

    @Override
    public synchronized List<ClaimedMail> claim(Instant now, Instant leaseUntil, int limit) {
        List<ClaimedMail> claimed = new ArrayList<>();
        rows.values().stream().filter(row -> !row.dueAt().isAfter(now)).sorted(Comparator.comparing(Row::dueAt)).limit(limit).toList()
                .forEach(row -> {
                    Row taken = new Row(row.id(), row.mail(), row.attempts() + 1, leaseUntil);
                    rows.put(row.id(), taken);
                    claimed.add(new ClaimedMail(row.id(), taken.attempts(), row.mail().kind(), row.mail().content(), row.mail().expiresAt()));
                });
        return claimed;
    }

    @Override
    public synchronized void remove(ClaimedMail mail) {
        if (stillClaimedBy(mail)) {
            rows.remove(mail.id());
        }
    }

    @Override
    public synchronized void postpone(ClaimedMail mail, Instant dueAt) {
        if (stillClaimedBy(mail)) {
            Row row = rows.get(mail.id());
            rows.put(mail.id(), new Row(row.id(), row.mail(), row.attempts(), dueAt));
        }
    }

    @Override
    public synchronized int pending() {
        return rows.size();
    }

    @Override
    public synchronized int deleteAllTo(EmailAddress recipient) {
        int before = rows.size();
        rows.values().removeIf(row -> row.mail().to().equals(recipient));
        return before - rows.size();
    }

    private boolean stillClaimedBy(ClaimedMail mail) {
        Row row = rows.get(mail.id());
        return row != null && row.attempts() == mail.attempt();
    }
}
