package dev.botfleet.server.order;

import dev.botfleet.server.support.OnH2;

@OnH2
class OrderApiH2Test extends OrderApiCases {
}
