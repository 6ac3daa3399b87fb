/** What the account lifecycle needs to reach the owner by e-mail: the tokens of links, their store, delivery. */
package dev.gatehouse.application.port.out.mail;
