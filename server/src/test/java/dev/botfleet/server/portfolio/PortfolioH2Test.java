package dev.botfleet.server.portfolio;

import dev.botfleet.server.support.OnH2;

@OnH2
class PortfolioH2Test extends PortfolioCases {
}
