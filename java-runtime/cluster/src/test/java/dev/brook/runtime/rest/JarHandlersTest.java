package dev.brook.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Program arguments given as one string are split as a shell would, quotes included. */
class JarHandlersTest {

    @Test
    void splitsProgramArgumentsOnWhiteSpaceKeepingQuotedParts() {
        assertThat(JarHandlers.tokenize("")).isEmpty();
        assertThat(JarHandlers.tokenize("  --input  in.txt\t--n 3 "))
                .containsExactly("--input", "in.txt", "--n", "3");
        assertThat(JarHandlers.tokenize("--name \"my job\" --sep ' '"))
                .containsExactly("--name", "my job", "--sep", " ");
        assertThat(JarHandlers.tokenize("a\"b c\"d ''")).containsExactly("ab cd", "");
        assertThatThrownBy(() -> JarHandlers.tokenize("--name \"open"))
                .isInstanceOf(RestHandlerException.class)
                .hasMessage("Unbalanced quote \" in the program arguments: --name \"open");
    }
}
