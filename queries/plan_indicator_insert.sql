INSERT INTO indicators (code, plan_code, action_code, label, metric, dimension, group_code, threshold,
                        comparison, target, baseline_from, baseline_to, baseline_platform,
                        window_from, window_to, window_platform, note, origin)
VALUES (:code, :plan_code, :action_code, :label, :metric, :dimension, :group_code, :threshold,
        :comparison, :target, :baseline_from, :baseline_to, :baseline_platform,
        :window_from, :window_to, :window_platform, :note, :origin);
