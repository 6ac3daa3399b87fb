-- Gatehouse schema, version 4: administration. Forward-only; never edit an applied migration.
-- (The administrator's revocation reasons, ACCOUNT_DISABLED and ADMIN, came with version 3.)

-- An administrator can disable an account: it cannot sign in until enabled again.
ALTER TABLE user_account ADD COLUMN disabled boolean NOT NULL DEFAULT false;
