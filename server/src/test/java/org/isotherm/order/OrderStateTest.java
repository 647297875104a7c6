package org.isotherm.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotherm.order.OrderState.CANCELLED;
import static org.isotherm.order.OrderState.CLOSED;
import static org.isotherm.order.OrderState.CLOSING;
import static org.isotherm.order.OrderState.INITIAL_STATE;
import static org.isotherm.order.OrderState.IN_PROGRESS;
import static org.isotherm.order.OrderState.REJECTED;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class OrderStateTest {

    @Test
    void allowsExactlyTheLifecycleOfProductMd() {
        assertThat(INITIAL_STATE.next()).containsExactlyInAnyOrder(IN_PROGRESS, REJECTED, CANCELLED);
        assertThat(IN_PROGRESS.next()).containsExactlyInAnyOrder(CLOSING, CANCELLED);
        assertThat(CLOSING.next()).containsExactly(CLOSED);
        for (var terminal : EnumSet.of(REJECTED, CLOSED, CANCELLED)) {
            assertThat(terminal.next()).isEmpty();
        }
    }

    @Test
    void neverMovesBackToInitialState() {
        for (var state : OrderState.values()) {
            assertThat(state.canMoveTo(INITIAL_STATE)).isFalse();
            assertThat(state.canMoveTo(state)).isFalse();
        }
    }

    @Test
    void onlyOrdersThatNeverRanAreDeletable() {
        assertThat(EnumSet.allOf(OrderState.class).stream().filter(OrderState::deletable))
                .containsExactlyInAnyOrder(INITIAL_STATE, REJECTED);
    }

    @Test
    void speaksTheGuidesStateNames() {
        assertThat(INITIAL_STATE.wire()).isEqualTo("initial_state");
        assertThat(OrderState.parse("in_progress")).contains(IN_PROGRESS);
        assertThat(OrderState.parse("IN_PROGRESS")).isEmpty();
    }
}
