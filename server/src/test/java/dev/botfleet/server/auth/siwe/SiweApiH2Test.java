package dev.botfleet.server.auth.siwe;

import dev.botfleet.server.support.OnH2;

@OnH2
class SiweApiH2Test extends SiweApiCases {
}
