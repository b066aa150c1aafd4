package org.chorus.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.stereotype.Repository;

/**
 * Stores passkeys in {@code passkeys} and each account's WebAuthn user handle in {@code passkey_users}. The user handle
 * is random: authenticators never learn an account id, and no address is stored here.
 */
@Repository
class Passkeys {

    private static final String COLUMNS = "credential_id, account_id, user_handle, credential_type, label, public_key,"
            + " signature_count, uv_initialized, backup_eligible, backup_state, transports, attestation_object,"
            + " attestation_client_data_json, created_at, last_used_at";

    /** A stored passkey and the account it belongs to. */
    record Stored(AccountId account, CredentialRecord record) {}

    private final JdbcClient jdbc;

    Passkeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<byte[]> userHandleOf(AccountId account) {
        return jdbc.sql("select user_handle from passkey_users where account_id = :id")
                .param("id", account.value())
                .query(byte[].class)
                .optional();
    }

    Optional<AccountId> accountOfUserHandle(byte[] handle) {
        return jdbc.sql("select account_id from passkey_users where user_handle = :handle")
                .param("handle", handle)
                .query((rs, row) -> new AccountId(rs.getObject(1, UUID.class)))
                .optional();
    }

    void saveUserHandle(AccountId account, byte[] handle) {
        jdbc.sql("insert into passkey_users (account_id, user_handle) values (:id, :handle) on conflict do nothing")
                .param("id", account.value())
                .param("handle", handle)
                .update();
    }

    void deleteUserHandle(byte[] handle) {
        jdbc.sql("delete from passkey_users where user_handle = :handle")
                .param("handle", handle)
                .update();
    }

    Optional<Stored> byCredentialId(byte[] credentialId) {
        return jdbc.sql("select " + COLUMNS + " from passkeys where credential_id = :id")
                .param("id", credentialId)
                .query(this::map)
                .optional();
    }

    List<Stored> byUserHandle(byte[] handle) {
        return jdbc.sql("select " + COLUMNS + " from passkeys where user_handle = :handle order by created_at")
                .param("handle", handle)
                .query(this::map)
                .list();
    }

    List<Stored> byAccount(AccountId account) {
        return jdbc.sql("select " + COLUMNS + " from passkeys where account_id = :id order by created_at")
                .param("id", account.value())
                .query(this::map)
                .list();
    }

    int count(AccountId account) {
        return jdbc.sql("select count(*) from passkeys where account_id = :id")
                .param("id", account.value())
                .query(Integer.class)
                .single();
    }

    void insert(AccountId account, CredentialRecord record, String label, Instant at) {
        jdbc.sql("insert into passkeys (" + COLUMNS + ") values (:credential, :account, :handle, :type, :label, :key,"
                        + " :count, :uv, :be, :bs, :transports, :attestation, :clientData, :at, :at)")
                .param("credential", record.getCredentialId().getBytes())
                .param("account", account.value())
                .param("handle", record.getUserEntityUserId().getBytes())
                .param("type", record.getCredentialType().getValue())
                .param("label", label)
                .param("key", record.getPublicKey().getBytes())
                .param("count", record.getSignatureCount())
                .param("uv", record.isUvInitialized())
                .param("be", record.isBackupEligible())
                .param("bs", record.isBackupState())
                .param(
                        "transports",
                        record.getTransports().stream()
                                .map(AuthenticatorTransport::getValue)
                                .sorted()
                                .collect(Collectors.joining(",")))
                .param("attestation", bytes(record.getAttestationObject()))
                .param("clientData", bytes(record.getAttestationClientDataJSON()))
                .param("at", Timestamp.from(at))
                .update();
    }

    /** After a sign-in: the authenticator's new signature counter and the time. */
    void recordUse(byte[] credentialId, long signatureCount, boolean backupState, Instant at) {
        jdbc.sql("""
                        update passkeys set signature_count = :count, backup_state = :bs, last_used_at = :at
                        where credential_id = :id
                        """)
                .param("id", credentialId)
                .param("count", signatureCount)
                .param("bs", backupState)
                .param("at", Timestamp.from(at))
                .update();
    }

    boolean delete(AccountId account, byte[] credentialId) {
        return jdbc.sql("delete from passkeys where credential_id = :id and account_id = :account")
                        .param("id", credentialId)
                        .param("account", account.value())
                        .update()
                == 1;
    }

    private static byte[] bytes(Bytes bytes) {
        return bytes == null ? null : bytes.getBytes();
    }

    private Stored map(ResultSet rs, int row) throws SQLException {
        var transports = rs.getString("transports");
        var attestation = rs.getBytes("attestation_object");
        var clientData = rs.getBytes("attestation_client_data_json");
        var record = ImmutableCredentialRecord.builder()
                .credentialId(new Bytes(rs.getBytes("credential_id")))
                .userEntityUserId(new Bytes(rs.getBytes("user_handle")))
                .credentialType(PublicKeyCredentialType.valueOf(rs.getString("credential_type")))
                .label(rs.getString("label"))
                .publicKey(new ImmutablePublicKeyCose(rs.getBytes("public_key")))
                .signatureCount(rs.getLong("signature_count"))
                .uvInitialized(rs.getBoolean("uv_initialized"))
                .backupEligible(rs.getBoolean("backup_eligible"))
                .backupState(rs.getBoolean("backup_state"))
                .transports(
                        transports.isEmpty()
                                ? java.util.Set.of()
                                : Arrays.stream(transports.split(","))
                                        .map(AuthenticatorTransport::valueOf)
                                        .collect(Collectors.toSet()))
                .attestationObject(attestation == null ? null : new Bytes(attestation))
                .attestationClientDataJSON(clientData == null ? null : new Bytes(clientData))
                .created(rs.getTimestamp("created_at").toInstant())
                .lastUsed(rs.getTimestamp("last_used_at").toInstant())
                .build();
        return new Stored(new AccountId(rs.getObject("account_id", UUID.class)), record);
    }
}
