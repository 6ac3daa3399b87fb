/**
 * The account lifecycle endpoints: e-mail verification, password reset and change, account deletion
 * (API.md, "Account lifecycle"). Bodies bind strict records: an unknown member is a malformed request.
 */
package dev.gatehouse.adapter.in.web.lifecycle;
