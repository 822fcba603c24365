package dev.botfleet.server.portfolio;

import dev.botfleet.server.support.OnPostgres;

@OnPostgres
class PortfolioPostgresTest extends PortfolioCases {
}
