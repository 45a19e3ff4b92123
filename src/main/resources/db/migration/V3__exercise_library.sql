-- The clinic's exercise library (PRODUCT.md 3.1 and the clinic's leg-cramp guide).
-- Instructions are plain-language steps, one per line, written for an older adult doing them at home.
-- Written once for MariaDB 10.11+ and for H2 in MariaDB mode.

CREATE TABLE exercise (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    code                  VARCHAR(60)   NOT NULL,
    name                  VARCHAR(120)  NOT NULL,
    category              VARCHAR(16)   NOT NULL,
    target_area           VARCHAR(120)  NOT NULL,
    instructions          VARCHAR(2000) NOT NULL,
    safety_note           VARCHAR(1000) NOT NULL,
    default_sets          INT           NOT NULL,
    default_reps          INT           NOT NULL,
    default_hold_seconds  INT           NOT NULL,
    default_rest_seconds  INT           NOT NULL,
    default_times_per_day INT           NOT NULL,
    default_days_per_week INT           NOT NULL,
    default_timing        VARCHAR(16)   NOT NULL,
    default_sides         VARCHAR(60)   NULL,
    CONSTRAINT uk_exercise_code UNIQUE (code),
    CONSTRAINT ck_exercise_category CHECK (category IN ('STRETCH', 'STRENGTH', 'POSITION')),
    CONSTRAINT ck_exercise_timing CHECK (default_timing IN ('BEFORE_BED', 'MORNING', 'ANY'))
);

INSERT INTO exercise (code, name, category, target_area, instructions, safety_note, default_sets, default_reps,
                      default_hold_seconds, default_rest_seconds, default_times_per_day, default_days_per_week,
                      default_timing, default_sides) VALUES
('wall-calf-stretch', 'Wall calf stretch', 'STRETCH', 'Calf (gastrocnemius)',
 'Stand facing a wall and put both hands flat on it at shoulder height.
Step one foot back about a stride. Keep that leg straight and the heel flat on the floor.
Bend the front knee slowly and lean towards the wall until you feel a gentle pull in the back calf.
Hold still and breathe normally while you count the seconds.
Come back up slowly, rest, then swap legs.',
 'Stretch to a gentle pull, never to pain. Keep a hand on the wall for balance. Stop if you feel sharp pain, numbness or dizziness.',
 3, 1, 10, 10, 1, 7, 'BEFORE_BED', 'both legs'),
('bent-knee-wall-stretch', 'Bent-knee wall stretch', 'STRETCH', 'Lower calf (soleus)',
 'Stand facing a wall with both hands on it.
Step one foot back a little, less far than for the straight-leg calf stretch.
Keep both heels on the floor and bend both knees slowly.
You should feel the stretch low down in the back calf, near the ankle.
Hold still, breathe, then come back up slowly and swap legs.',
 'Keep your heel down and move slowly. A gentle pull is enough; stop if it hurts.',
 3, 1, 10, 10, 1, 7, 'BEFORE_BED', 'both legs'),
('seated-hamstring-stretch', 'Seated hamstring stretch', 'STRETCH', 'Back of the thigh (hamstrings)',
 'Sit on the front half of a firm chair that will not slide.
Straighten one leg out in front of you with the heel on the floor and the toes pointing up.
Keep your back straight and lean forward slowly from the hips until you feel a gentle pull behind the thigh.
Hold still and breathe normally.
Sit back up slowly, rest, then swap legs.',
 'Use a steady chair, not one with wheels. Do not bounce. Stop if you feel pain in your back or a tingling down the leg.',
 3, 1, 10, 10, 1, 7, 'BEFORE_BED', 'both legs'),
('plantar-fascia-stretch', 'Foot stretch (plantar fascia)', 'STRETCH', 'Sole of the foot',
 'Sit down and rest one ankle on the opposite knee.
Hold the base of your toes with one hand.
Gently pull the toes back towards your shin until you feel a stretch along the sole of your foot.
Hold still and breathe normally.
Let go slowly and swap feet.',
 'Pull gently; the stretch should never be painful. If you cannot reach your foot, ask your physio for a towel version.',
 3, 1, 10, 10, 1, 7, 'BEFORE_BED', 'both feet'),
('double-leg-calf-raise', 'Double-leg calf raises', 'STRENGTH', 'Calves and ankles',
 'Stand behind a chair or at a worktop and hold on lightly with both hands.
Stand with your feet hip-width apart.
Rise slowly up onto the balls of both feet, as high as is comfortable.
Pause for a moment at the top.
Lower your heels slowly back to the floor. That is one repetition.',
 'Always hold on to something steady. Move slowly. Stop if you feel pain in the ankle, calf or chest, or if you feel faint.',
 3, 10, 0, 60, 1, 3, 'MORNING', NULL),
('single-leg-calf-raise', 'Single-leg calf raises', 'STRENGTH', 'Calves and ankles',
 'Stand behind a chair or at a worktop and hold on with both hands.
Lift one foot off the floor by bending that knee.
Rise slowly up onto the ball of the standing foot.
Pause at the top, then lower the heel slowly.
Do all the repetitions on one leg, then swap.',
 'Only start these when your physio says the double-leg raises are easy. Hold on to something steady at all times.',
 3, 8, 0, 60, 1, 3, 'MORNING', 'each leg'),
('band-ankle-strengthening', 'Resistance-band ankle strengthening', 'STRENGTH', 'Ankles and shins',
 'Sit on a firm chair or on the bed with one leg straight out in front of you.
Loop the band around the ball of your foot and hold the ends in your hands.
Push your foot slowly away from you against the band, like pressing a pedal.
Bring it back slowly.
Do all the repetitions, then swap feet.',
 'Check the band for splits before you start. Keep the movement slow and controlled. Stop if the ankle hurts.',
 2, 12, 0, 60, 1, 3, 'ANY', 'each foot'),
('glute-bridge', 'Glute bridge', 'STRENGTH', 'Buttocks and back of the thighs',
 'Lie on your back on the bed or the floor with your knees bent and your feet flat.
Put your arms by your sides.
Squeeze your buttocks and lift your hips slowly until your body is in a straight line from shoulders to knees.
Hold for a moment.
Lower your hips slowly back down.',
 'Do not arch your lower back. If getting down to the floor is hard, do this on your bed. Stop if your back hurts.',
 2, 10, 0, 60, 1, 3, 'ANY', NULL),
('pillow-under-knees', 'Pillow under knees or feet', 'POSITION', 'Legs while you sleep',
 'If you sleep on your back, put a pillow under your knees.
If you sleep on your side, put a pillow between your knees.
If your feet point down in bed, rest them against a pillow at the foot of the bed so they stay relaxed.',
 'Use a pillow that keeps your knees slightly bent without pushing your hips up. Ask your physio if it makes your back ache.',
 1, 1, 0, 0, 1, 7, 'BEFORE_BED', NULL),
('loose-bedding', 'Loose bedding', 'POSITION', 'Feet and ankles while you sleep',
 'Loosen the sheet and blankets at the foot of the bed before you get in.
Make sure the covers do not press your toes down.
A pillow or a box at the foot of the bed under the covers can keep their weight off your feet.',
 'Tight covers point the toes down, which shortens the calf and can set off a cramp.',
 1, 1, 0, 0, 1, 7, 'BEFORE_BED', NULL);
