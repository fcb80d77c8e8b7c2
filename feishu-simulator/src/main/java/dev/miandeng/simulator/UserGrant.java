package dev.miandeng.simulator;

/** Who a user token speaks for, for which app, with what scope, from which endpoint family. */
record UserGrant(String appId, String openId, String scope, UserTokenFamily family) {}
