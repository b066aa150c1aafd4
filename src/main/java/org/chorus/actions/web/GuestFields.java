package org.chorus.actions.web;

/** What the action form of a host without an account adds: their name and email as typed, and the form's stamp. */
public record GuestFields(String name, String email, String stamp) {}
