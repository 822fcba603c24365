package dev.botfleet.server.risk;

import dev.botfleet.server.auth.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own risk settings: daily loss limits per quote asset. */
@RestController
@RequestMapping("/api/v1/me/risk")
public class RiskController {
    private final RiskService risk;

    public RiskController(RiskService risk) {
        this.risk = risk;
    }

    @GetMapping
    public RiskResponse get(CurrentUser user) {
        return risk.get(user.id());
    }

    @PutMapping
    public RiskResponse put(CurrentUser user, @RequestBody RiskRequest request) {
        return risk.replace(user.id(), request);
    }
}
