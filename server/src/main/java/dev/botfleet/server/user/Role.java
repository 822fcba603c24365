package dev.botfleet.server.user;

/** ADMIN is given to the first registered user (the one who installed the server). */
public enum Role {
    ADMIN, USER
}
