package dev.gatehouse.domain.user;

/** Whether an account may sign in. Only an administrator changes it. */
public enum AccountStatus {
    /** The account signs in as usual. */
    ACTIVE,
    /**
     * An administrator disabled the account: its sessions ended when it was disabled, and signing in is
     * refused with the same answer as a wrong password, so the state is not revealed.
     */
    DISABLED
}
