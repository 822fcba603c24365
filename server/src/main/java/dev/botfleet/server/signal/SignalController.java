package dev.botfleet.server.signal;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public end of a signal webhook: no login, the token in the path is the credential (TradingView can set no
 * header). 202 accepted; 200 with accepted=false for a replay, so the sender does not retry it.
 */
@RestController
public class SignalController {
    private final SignalIntake intake;

    public SignalController(SignalIntake intake) {
        this.intake = intake;
    }

    @Operation(summary = "Post a trading signal to a signal bot (TradingView alert webhook); no login")
    @PostMapping("/api/v1/signals/{token}")
    public ResponseEntity<SignalIntake.Answer> receive(@PathVariable String token,
                                                       @RequestBody(required = false) String body) {
        SignalIntake.Answer answer = intake.receive(token, body);
        return ResponseEntity.status(answer.accepted() ? HttpStatus.ACCEPTED : HttpStatus.OK).body(answer);
    }
}
