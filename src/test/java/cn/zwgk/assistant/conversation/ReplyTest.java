package cn.zwgk.assistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyTest {

    @Test
    void aGeneratedReplyStaysGeneratedWhenItIsPagedOrAddedTo() {
        assertThat(Reply.generated("模型写的答复").withText("第一页").generated()).isTrue();
        assertThat(Reply.of("引用的原文").withText("第一页").generated()).isFalse();
        assertThat(Reply.generated(" ").isEmpty()).isTrue();
        assertThat(Reply.of("固定文本").generated()).isFalse();
    }
}
