package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.AddressWindows;

class InMemoryAddressWindowsTest extends AddressWindowsContract {

    @Override
    protected AddressWindows windows() {
        return new InMemoryAddressWindows();
    }
}
