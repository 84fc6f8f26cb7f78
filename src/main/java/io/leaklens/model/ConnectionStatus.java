package io.leaklens.model;

/** Where a session stands with its target. */
public enum ConnectionStatus {
    CONNECTED,
    DISCONNECTED
}
