package dev.botfleet.server.ml;

import dev.botfleet.server.support.OnH2;

@OnH2
class ModelApiH2Test extends ModelApiCases {
}
