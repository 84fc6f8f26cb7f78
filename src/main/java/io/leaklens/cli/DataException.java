package io.leaklens.cli;

/** Bad data or a bad target met while running a command: exit 1 with this one-line message. */
final class DataException extends Exception {

    DataException(String message) {
        super(message);
    }
}
