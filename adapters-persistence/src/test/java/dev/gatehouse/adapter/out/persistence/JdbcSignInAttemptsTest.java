package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.SignInAttempts;
import dev.gatehouse.application.testing.SignInAttemptsContract;

class JdbcSignInAttemptsTest extends SignInAttemptsContract {

    @Override
    protected SignInAttempts attempts() {
        return Database.bean(SignInAttempts.class);
    }
}
