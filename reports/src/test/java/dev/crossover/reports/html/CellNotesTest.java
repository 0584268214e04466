package dev.crossover.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CellNotesTest {

    @Test
    void namesModelsThatShareANoteTogetherOnOneLine() {
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("a", "excluded (absurd)");
        notes.put("b", "failed: boom");
        notes.put("c", "excluded (absurd)");

        assertEquals(List.of("a, c: excluded (absurd)", "b: failed: boom"), CrossoverSection.notes(notes));
    }
}
