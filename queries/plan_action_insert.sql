INSERT INTO actions (plan_code, code, position, role, objective, action, responsible, due_text, due_date,
                     success_measure, connections, origin)
VALUES (:plan_code, :code, :position, :role, :objective, :action, :responsible, :due_text, :due_date,
        :success_measure, :connections, :origin);
