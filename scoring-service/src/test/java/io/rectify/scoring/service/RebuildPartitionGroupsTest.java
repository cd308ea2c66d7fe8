package io.rectify.scoring.service;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The groups of partitions a rebuild reads one after the other. */
class RebuildPartitionGroupsTest {

    private static List<TopicPartition> partitions(String topic, int n) {
        return IntStream.range(0, n).mapToObj(p -> new TopicPartition(topic, p)).toList();
    }

    @Test
    void hazardPartitionsAreSplitInConsecutiveGroupsAndInspectionsGoFirst() {
        List<TopicPartition> inspections = partitions("inspection.events", 6);
        List<TopicPartition> hazards = partitions("hazard.events", 6);
        List<List<TopicPartition>> groups = IndexRebuild.partitionGroups(inspections, hazards, 2);
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0)).containsExactlyElementsOf(concat(inspections, hazards.subList(0, 3)));
        assertThat(groups.get(1)).containsExactlyElementsOf(hazards.subList(3, 6));

        List<List<TopicPartition>> four = IndexRebuild.partitionGroups(inspections, hazards, 4);
        assertThat(four).hasSize(4);
        assertThat(four.stream().mapToInt(g -> (int) g.stream().filter(tp -> tp.topic().equals("hazard.events")).count()))
                .containsExactly(1, 2, 1, 2);
        // every partition read once
        assertThat(four.stream().flatMap(List::stream).toList()).doesNotHaveDuplicates().hasSize(12);
    }

    @Test
    void neverMoreGroupsThanHazardPartitionsAndAlwaysOne() {
        List<TopicPartition> inspections = partitions("inspection.events", 2);
        assertThat(IndexRebuild.partitionGroups(inspections, partitions("hazard.events", 2), 5)).hasSize(2);
        assertThat(IndexRebuild.partitionGroups(inspections, partitions("hazard.events", 6), 1))
                .containsExactly(concat(inspections, partitions("hazard.events", 6)));
        assertThat(IndexRebuild.partitionGroups(inspections, List.of(), 3)).containsExactly(inspections);
        assertThat(IndexRebuild.partitionGroups(List.of(), partitions("hazard.events", 3), 0)).hasSize(1);
    }

    private static List<TopicPartition> concat(List<TopicPartition> a, List<TopicPartition> b) {
        List<TopicPartition> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
