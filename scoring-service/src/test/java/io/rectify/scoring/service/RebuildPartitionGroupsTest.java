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

    /**
     * Consecutive groups, inspections in the first, each later group no larger: a group is written while the next
     * is read, so only the last one's write is waited for.
     */
    @Test
    void hazardPartitionsAreSplitInShrinkingConsecutiveGroupsAndInspectionsGoFirst() {
        List<TopicPartition> inspections = partitions("inspection.events", 6);
        List<TopicPartition> hazards = partitions("hazard.events", 6);
        List<List<TopicPartition>> groups = IndexRebuild.partitionGroups(inspections, hazards, 2);
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0)).containsExactlyElementsOf(concat(inspections, hazards.subList(0, 4)));
        assertThat(groups.get(1)).containsExactlyElementsOf(hazards.subList(4, 6));

        assertThat(hazardCounts(IndexRebuild.partitionGroups(inspections, hazards, 3))).containsExactly(3, 2, 1);
        List<List<TopicPartition>> four = IndexRebuild.partitionGroups(inspections, hazards, 4);
        assertThat(hazardCounts(four)).containsExactly(2, 2, 1, 1);
        // every partition read once
        assertThat(four.stream().flatMap(List::stream).toList()).doesNotHaveDuplicates().hasSize(12);
        // as many groups as partitions: one each
        assertThat(hazardCounts(IndexRebuild.partitionGroups(inspections, hazards, 6))).containsExactly(1, 1, 1, 1, 1, 1);
        assertThat(hazardCounts(IndexRebuild.partitionGroups(inspections, partitions("hazard.events", 12), 2))).containsExactly(8, 4);
        assertThat(hazardCounts(IndexRebuild.partitionGroups(inspections, partitions("hazard.events", 12), 4))).containsExactly(5, 4, 2, 1);
    }

    private static List<Integer> hazardCounts(List<List<TopicPartition>> groups) {
        return groups.stream().map(g -> (int) g.stream().filter(tp -> tp.topic().equals("hazard.events")).count()).toList();
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
