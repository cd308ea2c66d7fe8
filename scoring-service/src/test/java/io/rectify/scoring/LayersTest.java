package io.rectify.scoring;

import io.rectify.platform.testing.LayerRules;

/** The layer rules of docs/engineering.md "Layers", over this service's sources. */
class LayersTest extends LayerRules {

    LayersTest() {
        super("scoring");
    }
}
