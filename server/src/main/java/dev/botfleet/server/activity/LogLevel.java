package dev.botfleet.server.activity;

public enum LogLevel {
    INFO, SUCCESS, WARNING, ERROR
}
