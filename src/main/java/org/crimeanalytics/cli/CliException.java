package org.crimeanalytics.cli;

/** A command-line usage or input error: printed as one line, exit code 2. */
final class CliException extends RuntimeException {
    CliException(String message) {
        super(message);
    }
}
