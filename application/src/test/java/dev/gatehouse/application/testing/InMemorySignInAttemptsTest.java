package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.SignInAttempts;

class InMemorySignInAttemptsTest extends SignInAttemptsContract {

    @Override
    protected SignInAttempts attempts() {
        return new InMemorySignInAttempts();
    }
}
