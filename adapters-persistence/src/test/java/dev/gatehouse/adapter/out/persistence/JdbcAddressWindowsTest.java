package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.AddressWindows;
import dev.gatehouse.application.testing.AddressWindowsContract;

class JdbcAddressWindowsTest extends AddressWindowsContract {

    @Override
    protected AddressWindows windows() {
        return Database.bean(AddressWindows.class);
    }
}
